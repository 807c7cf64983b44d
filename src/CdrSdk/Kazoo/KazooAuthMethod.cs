namespace CdrSdk.Kazoo;

/// <summary>How the Kazoo client authenticates.</summary>
internal enum KazooAuthMethod
{
    None = 0,
    StaticToken = 1,
    ApiKey = 2,
    UserCredentials = 3,
}
