namespace Mediaflow.Media.Jobs;

/// <summary><c>hqdn3d=luma_spatial:chroma_spatial:luma_tmp:chroma_tmp</c>: fast spatio-temporal denoiser.</summary>
public sealed record Hqdn3dFilter(double LumaSpatial, double ChromaSpatial, double LumaTemporal, double ChromaTemporal) : Filter
{
    public override string Name => "hqdn3d";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
    [
        Arg("luma_spatial", FilterNumbers.Format(LumaSpatial)),
        Arg("chroma_spatial", FilterNumbers.Format(ChromaSpatial)),
        Arg("luma_tmp", FilterNumbers.Format(LumaTemporal)),
        Arg("chroma_tmp", FilterNumbers.Format(ChromaTemporal)),
    ];
}
