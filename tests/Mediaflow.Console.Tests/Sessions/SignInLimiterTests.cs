using Mediaflow.WebConsole;
using Mediaflow.WebConsole.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Mediaflow.ConsoleTests.Sessions;

/// <summary>The sign-in failure limits per address and per user name, on a <see cref="FakeTimeProvider"/>.</summary>
public sealed class SignInLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConsoleOptions options = new() { SignInFailuresPerAddress = 4, SignInFailuresPerUser = 3, SignInWindow = TimeSpan.FromMinutes(10) };

    private SignInLimiter NewLimiter() => new(options, time);

    [Fact]
    public void AUserWithAsManyFailuresAsItsLimit_IsRefusedUntilTheFirstLeavesTheWindow()
    {
        var limiter = NewLimiter();
        limiter.RecordFailure("10.0.0.1", "alice");
        time.Advance(TimeSpan.FromMinutes(2));
        limiter.RecordFailure("10.0.0.2", "alice");
        var afterTwo = limiter.Check("10.0.0.3", "alice");
        limiter.RecordFailure("10.0.0.3", "alice");

        var afterThree = limiter.Check("10.0.0.4", "alice");
        var otherUser = limiter.Check("10.0.0.4", "bob");
        time.Advance(TimeSpan.FromMinutes(8) - TimeSpan.FromSeconds(1));
        var justBefore = limiter.Check("10.0.0.4", "alice");
        time.Advance(TimeSpan.FromSeconds(1));
        var after = limiter.Check("10.0.0.4", "alice");

        Assert.True(afterTwo.Allowed);
        Assert.False(afterThree.Allowed);
        Assert.Equal("user", afterThree.Scope);
        Assert.Equal(TimeSpan.FromMinutes(8), afterThree.RetryAfter);
        Assert.Equal(480, afterThree.RetryAfterSeconds);
        Assert.True(otherUser.Allowed);
        Assert.False(justBefore.Allowed);
        Assert.Equal(1, justBefore.RetryAfterSeconds);
        Assert.True(after.Allowed);
    }

    [Fact]
    public void AnAddressFailingForManyUsers_IsRefusedForEveryUser()
    {
        var limiter = NewLimiter();
        foreach (var user in new[] { "u1", "u2", "u3", "u4" })
        {
            limiter.RecordFailure("10.0.0.9", user);
        }

        var fromThatAddress = limiter.Check("10.0.0.9", "u5");
        var fromAnother = limiter.Check("10.0.0.10", "u5");

        Assert.False(fromThatAddress.Allowed);
        Assert.Equal("address", fromThatAddress.Scope);
        Assert.Equal(options.SignInWindow, fromThatAddress.RetryAfter);
        Assert.True(fromAnother.Allowed);
    }

    [Fact]
    public void ASuccessfulSignIn_ClearsItsUsersFailures_ButNotItsAddresss()
    {
        var limiter = NewLimiter();
        limiter.RecordFailure("10.0.0.1", "carol");
        limiter.RecordFailure("10.0.0.1", "carol");
        limiter.RecordSuccess("carol");
        limiter.RecordFailure("10.0.0.1", "carol");
        limiter.RecordFailure("10.0.0.1", "carol");

        Assert.True(limiter.Check("10.0.0.2", "carol").Allowed);
        Assert.False(limiter.Check("10.0.0.1", "dave").Allowed);
    }
}
