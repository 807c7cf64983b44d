namespace CdrSdk.Telnyx.Api;

/// <summary>
/// The four calls of one kind of report request (CDR or MDR) in one API version, as methods of
/// <see cref="ITelnyxApi"/>: what lets one endpoint implementation serve v1 and v2 alike.
/// </summary>
/// <typeparam name="TRequest">The public request model; <see cref="Create"/> maps it to the version's wire body.</typeparam>
internal sealed record TelnyxReportCalls<TRequest>(
    Func<ITelnyxApi, TRequest, CancellationToken, Task<HttpResponseMessage>> Create,
    Func<ITelnyxApi, string, CancellationToken, Task<HttpResponseMessage>> Get,
    Func<ITelnyxApi, int, int, CancellationToken, Task<HttpResponseMessage>> List,
    Func<ITelnyxApi, string, CancellationToken, Task<HttpResponseMessage>> Delete);
