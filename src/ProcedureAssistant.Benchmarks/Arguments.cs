using System.Globalization;

namespace ProcedureAssistant.Benchmarks;

/// <summary>The <c>--name value</c> options of a benchmark command, with clear errors for a missing or malformed one.</summary>
internal sealed class Arguments(IReadOnlyList<string> args)
{
    public string? Text(string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--" + name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public bool Flag(string name) => args.Contains("--" + name);

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public int Integer(string name, int? fallback = null) =>
        Text(name) is { } text
            ? int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} must be a positive whole number, not '{text}'.")
            : fallback ?? throw new ArgumentException($"--{name} is required.");

    public IReadOnlyList<string> List(string name, string fallback) =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
