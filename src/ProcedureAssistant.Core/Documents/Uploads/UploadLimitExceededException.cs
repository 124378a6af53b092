namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// An upload passed one of the <see cref="UploadLimits"/>: the message says which and by how much, in terms an
/// administrator can act on; <see cref="Limit"/> names the setting. Conversion stopped there.
/// </summary>
public sealed class UploadLimitExceededException : Exception
{
    /// <summary>Creates the exception for the limit <paramref name="property"/> of <see cref="UploadLimits"/>.</summary>
    public UploadLimitExceededException(string property, long value, string message, Exception? inner = null)
        : base(message, inner)
    {
        Limit = UploadLimits.SettingName(property);
        Value = value;
    }

    /// <summary>The setting that was passed, e.g. <c>Uploads:MaxNestingDepth</c>.</summary>
    public string Limit { get; }

    /// <summary>The limit's value.</summary>
    public long Value { get; }

    /// <summary>
    /// True when the upload holds too much (bytes, characters, chunks: answered 413); false when it is shaped so that
    /// reading it costs too much (nesting, time: answered 422).
    /// </summary>
    public bool IsTooLarge => Limit is not ("Uploads:MaxNestingDepth" or "Uploads:ConversionSeconds");
}
