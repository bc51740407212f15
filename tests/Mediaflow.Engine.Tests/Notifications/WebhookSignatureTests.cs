using Mediaflow.Engine.Notifications;

namespace Mediaflow.Engine.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    /// <summary>The example of the Standard Webhooks specification (standard-webhooks/spec, "Signature scheme").</summary>
    [Fact]
    public void Sign_SpecificationExample_MatchesPublishedSignature() =>
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));

    [Fact]
    public void Sign_AnyInputChanged_SignatureChanges()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var signature = WebhookSignature.Sign(secret, "id", 1, "{}");
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "id2", 1, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "id", 2, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "id", 1, "{ }"));
        Assert.NotEqual(signature, WebhookSignature.Sign(WebhookSignature.NewSecret(), "id", 1, "{}"));
    }

    [Fact]
    public void NewSecret_WhsecPrefixedBase64Of24Bytes_UniquePerCall()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(24, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
