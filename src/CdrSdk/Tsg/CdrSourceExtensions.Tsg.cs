using CdrSdk.Tsg;

namespace CdrSdk;

/// <content>The Tsg sources.</content>
public static partial class CdrSourceExtensions
{
    /// <summary>TSG records of one type (SMS, VOICE, ...); the range becomes <c>startDatetime</c>/<c>endDatetime</c>.</summary>
    /// <param name="tsg">The TSG client.</param>
    /// <param name="type">The record type.</param>
    /// <param name="configure">Sets the company, page size or fields.</param>
    /// <returns>The source.</returns>
    public static ICdrSource AsCdrSource(this ITsgClient tsg, TsgCdrType type, Func<TsgCdrQuery, TsgCdrQuery>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(tsg);
        if (string.IsNullOrWhiteSpace(type.Value))
        {
            throw new ArgumentException("A TSG record type is required, for example TsgCdrType.Sms.", nameof(type));
        }

        return new TsgCdrSource(tsg, type, configure);
    }
}
