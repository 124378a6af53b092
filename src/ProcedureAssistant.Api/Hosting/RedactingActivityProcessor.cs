using System.Diagnostics;
using OpenTelemetry;
using ProcedureAssistant.Core.Diagnostics;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Takes personal data out of a span before it is exported: every string tag (a query string, a path) and the span's
/// name go through <see cref="PersonalData.Redact"/>. Registered before any exporter, so that none sees the originals.
/// </summary>
internal sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (value is string text && PersonalData.Redact(text) is var redacted && redacted != text)
            {
                data.SetTag(key, redacted);
            }
        }

        data.DisplayName = PersonalData.Redact(data.DisplayName);
    }
}
