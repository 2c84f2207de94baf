namespace Almanac.Cli.Commands;

/// <summary>Exit codes every command keeps: scripts can tell bad input from a failure.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Failure = 2;
}
