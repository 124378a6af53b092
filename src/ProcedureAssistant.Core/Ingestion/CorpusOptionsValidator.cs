using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>Checks <c>Corpus:Sources</c> at start-up: each has a path, and their names (the prefix of their documents' paths) differ.</summary>
internal sealed class CorpusOptionsValidator : IValidateOptions<CorpusOptions>
{
    public ValidateOptionsResult Validate(string? name, CorpusOptions options)
    {
        var failures = new List<string>();
        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            if (string.IsNullOrWhiteSpace(source.Path))
            {
                failures.Add($"Corpus:Sources:{i}:Path is required.");
                continue;
            }

            var prefix = source.PathPrefix;
            if (prefix.Length == 0)
            {
                failures.Add($"Corpus:Sources:{i}:Name must not be empty: only Corpus:Path files its documents without a prefix.");
            }
            else if (Directory.Exists(System.IO.Path.Combine(options.Path, prefix)))
            {
                failures.Add($"Corpus:Sources:{i} is named '{prefix.TrimEnd('/')}', as a folder of Corpus:Path is; set Corpus:Sources:{i}:Name so that their documents' paths differ.");
            }
            else if (!prefixes.TryAdd(prefix, i))
            {
                failures.Add($"Corpus:Sources:{i} and Corpus:Sources:{prefixes[prefix]} are both named '{prefix.TrimEnd('/')}'; set Corpus:Sources:{i}:Name so that their documents' paths differ.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
