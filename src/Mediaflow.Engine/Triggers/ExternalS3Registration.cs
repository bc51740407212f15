using Mediaflow.Storage.External;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mediaflow.Engine.Triggers;

/// <summary>External S3 triggers and outputs (DESIGN §7.7). The host registers <see cref="ExternalS3Options"/>; without it no endpoint is configured.</summary>
public static class ExternalS3Registration
{
    public static IServiceCollection AddMediaflowExternalS3(this IServiceCollection services)
    {
        services.TryAddSingleton(new ExternalS3Options());
        services.AddSingleton<ExternalS3Store>();
        services.AddSingleton<ExternalSources>();
        services.AddSingleton<ExternalS3Intake>();
        services.AddSingleton<ExternalS3Reconciler>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ExternalS3Reconciler>());
        return services;
    }
}
