// Each class starts its own server on free ports; the browser tests share one Chromium per class.
[assembly: CollectionBehavior(DisableTestParallelization = false)]
