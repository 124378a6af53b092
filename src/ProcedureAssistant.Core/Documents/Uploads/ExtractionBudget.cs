namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// What one conversion may still spend: characters of text, nesting depth and time (the token is cancelled when the
/// client hangs up or the conversion's time is up). The extractors charge it as they go and stop at the first limit.
/// </summary>
internal sealed class ExtractionBudget(UploadLimits limits, CancellationToken cancellationToken)
{
    // The token is checked every so many steps: often enough to stop within milliseconds, rarely enough to cost nothing.
    private const int StepsPerCheck = 1024;

    private long _characters;
    private int _steps;

    public UploadLimits Limits { get; } = limits;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Counts extracted characters; throws once there are more than <see cref="UploadLimits.MaxExtractedCharacters"/>.</summary>
    public void Characters(long count)
    {
        _characters += count;
        if (_characters > Limits.MaxExtractedCharacters)
        {
            throw new UploadLimitExceededException(
                nameof(UploadLimits.MaxExtractedCharacters),
                Limits.MaxExtractedCharacters,
                $"the file holds more than {Limits.MaxExtractedCharacters:N0} characters of text ({UploadLimits.SettingName(nameof(UploadLimits.MaxExtractedCharacters))}); split it into several documents");
        }
    }

    /// <summary>Throws when an element sits deeper than <see cref="UploadLimits.MaxNestingDepth"/>.</summary>
    public void Depth(int depth)
    {
        if (depth > Limits.MaxNestingDepth)
        {
            throw new UploadLimitExceededException(
                nameof(UploadLimits.MaxNestingDepth),
                Limits.MaxNestingDepth,
                $"the file nests elements more than {Limits.MaxNestingDepth} deep ({UploadLimits.SettingName(nameof(UploadLimits.MaxNestingDepth))}); no document a person writes does");
        }
    }

    /// <summary>One unit of work: stops here when the conversion was cancelled.</summary>
    public void Step()
    {
        if (++_steps % StepsPerCheck == 0)
        {
            CancellationToken.ThrowIfCancellationRequested();
        }
    }
}
