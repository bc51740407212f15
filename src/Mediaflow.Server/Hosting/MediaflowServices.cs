using Mediaflow.Application;
using Mediaflow.Engine.Hosting;
using Mediaflow.Media;
using Mediaflow.Media.Ai;
using Mediaflow.Persistence;
using Mediaflow.Storage.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Mediaflow.Server.Hosting;

/// <summary>
/// The service core every Mediaflow host composes the same way: the state store (migrated up first), the object store,
/// the media layer, the durable engine on Wolverine and the application use cases. <see cref="ServerHost"/> adds the
/// HTTP surfaces on top; the engine compliance tests run this same composition without HTTP.
/// </summary>
public static class MediaflowServices
{
    public static void Add(IHostApplicationBuilder builder, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        SchemaMigrator.MigrateUp(settings.Database);

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.Engine.ShutdownDeadline);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContextFactory<MediaflowDbContext>(o => o.UseMediaflowDatabase(settings.Database), ServiceLifetime.Singleton);
        builder.Services.AddMediaflowObjectStore(settings.Storage);
        builder.Services.AddMediaflowMedia(settings.Media);
        builder.Services.AddMediaflowAi(builder.Configuration.GetSection("Ai").Get<AiOptions>() ?? new AiOptions());
        builder.Services.AddSingleton(ExternalS3Configuration.From(builder.Configuration));
        builder.Services.AddMediaflowEngine(settings.Database, settings.Engine);
        builder.UseWolverine(wolverine => wolverine.ConfigureMediaflowEngine(settings.Database, settings.Engine));
        builder.Services.AddSingleton(AiModelSettings.From(builder.Configuration));
        builder.Services.AddMediaflowApplication();
    }
}
