// Test classes in this assembly start their own servers and processes on free ports; they may run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = false)]
