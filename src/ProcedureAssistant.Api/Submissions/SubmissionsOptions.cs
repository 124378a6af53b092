using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Submissions;

/// <summary>
/// What people leave for the team (feedback on answers and hand-off requests), kept in
/// <c>{DataPath}/submissions.db</c>. Section <c>Submissions</c>, e.g. <c>Submissions__HandoffRetentionDays=30</c>.
/// </summary>
public sealed class SubmissionsOptions
{
    public const string SectionName = "Submissions";

    /// <summary>
    /// Days a hand-off request is kept, with the name and phone number it may carry; older requests are deleted
    /// whole, answered or not.
    /// </summary>
    [Range(1, 3650)]
    public int HandoffRetentionDays { get; set; } = 90;
}
