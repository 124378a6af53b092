using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Admin;

/// <summary>The admin API: its key, upload limits and where the audit log goes.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The key admin requests send in the <c>X-Admin-Key</c> header (set it with <c>Admin__ApiKey</c>, never in a
    /// committed file). With no key configured every admin request is refused.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The key the audit log names admin keys with (an HMAC, so that the log cannot be used to check guesses of the
    /// admin key). Set it with <c>Admin__AuditKey</c>, kept apart from the data folder; without it a random key is
    /// kept in <c>{DataPath}/audit.key</c>.
    /// </summary>
    public string? AuditKey { get; set; }

    /// <summary>Largest accepted upload, in bytes.</summary>
    [Range(1024, 200 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}
