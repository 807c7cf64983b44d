using System.Diagnostics;

namespace CdrSdk.Tests.Security;

/// <summary>Every name, tag, status and event of the SDK's activities.</summary>
internal sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<string> _texts = [];

    public ActivityCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CdrSdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = $"{activity.DisplayName} {activity.StatusDescription} "
                    + string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                    + string.Join(" ", activity.Events.Select(e => e.Name + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))));
                lock (_texts)
                {
                    _texts.Add(text);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public List<string> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
