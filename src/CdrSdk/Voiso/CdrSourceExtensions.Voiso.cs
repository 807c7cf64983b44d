using CdrSdk.Voiso;

namespace CdrSdk;

/// <content>The Voiso sources.</content>
public static partial class CdrSourceExtensions
{
    /// <summary>Voiso records of every type; the range filters on <c>started_at</c>.</summary>
    /// <param name="voiso">The Voiso client.</param>
    /// <param name="configure">Sets any <see cref="VoisoCdrQuery"/> filter except <see cref="VoisoCdrQuery.StartedAt"/>.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this IVoisoClient voiso, Func<VoisoCdrQuery, VoisoCdrQuery>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(voiso);
        return new VoisoCdrSource(voiso, configure);
    }
}
