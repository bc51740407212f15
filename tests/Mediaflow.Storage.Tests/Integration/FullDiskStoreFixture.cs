namespace Mediaflow.Storage.Tests.Integration;

/// <summary>The store with a free-disk reserve no disk can satisfy, so every write meets the guard.</summary>
public sealed class FullDiskStoreFixture : StoreFixture
{
    protected override long MinFreeBytes => long.MaxValue / 2;
}
