namespace CdrSdk;

/// <summary>What a <see cref="CallRecord"/> describes.</summary>
public enum CallKind
{
    /// <summary>Anything else: a number lookup, an API transaction, a record type the SDK does not know.</summary>
    Other = 0,

    /// <summary>A voice call (or one leg of it).</summary>
    Call = 1,

    /// <summary>A message: SMS, MMS, or a digital conversation.</summary>
    Message = 2,
}
