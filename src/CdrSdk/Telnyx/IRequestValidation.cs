namespace CdrSdk.Telnyx;

/// <summary>Checks a request by the rules its endpoint applies before sending, so a caller can fail early.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal interface IRequestValidation<in TRequest>
{
    /// <summary>Throws <see cref="CdrValidationException"/> when the request breaks a rule, judged at the client's now.</summary>
    void ValidateNow(TRequest request);
}
