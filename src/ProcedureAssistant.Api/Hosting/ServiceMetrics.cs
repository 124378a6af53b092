using System.Diagnostics.Metrics;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Diagnostics;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// The service's own metrics, on the meter <see cref="Telemetry.SourceName"/>: questions (by mode and whether the
/// service abstained), abstentions by the rule that decided (<see cref="AnswerDecision.Rule"/>), how long a question
/// took, and re-index jobs by mode and outcome with their duration. HTTP metrics come from ASP.NET Core itself.
/// </summary>
internal sealed class ServiceMetrics
{
    private readonly Counter<long> _questions;
    private readonly Counter<long> _abstentions;
    private readonly Histogram<double> _questionDuration;
    private readonly Counter<long> _reindexJobs;
    private readonly Histogram<double> _reindexDuration;

    public ServiceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.SourceName);
        _questions = meter.CreateCounter<long>("procedure_assistant.questions", "{question}", "Questions answered or abstained from.");
        _abstentions = meter.CreateCounter<long>("procedure_assistant.abstentions", "{question}", "Questions not answered, by the rule that decided.");
        _questionDuration = meter.CreateHistogram<double>("procedure_assistant.question.duration", "s", "Time from a question to its complete answer.");
        _reindexJobs = meter.CreateCounter<long>("procedure_assistant.reindex.jobs", "{job}", "Re-index jobs finished, by mode and outcome.");
        _reindexDuration = meter.CreateHistogram<double>("procedure_assistant.reindex.duration", "s", "Time a re-index job ran.");
    }

    public void Answered(Answer answer, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var mode = answer.Mode == AnswerMode.Generative ? "generative" : "extractive";
        _questions.Add(1, new("mode", mode), new("abstained", answer.Abstained), new("rule", answer.Decision.Rule));
        _questionDuration.Record(elapsed.TotalSeconds, new("mode", mode), new("abstained", answer.Abstained));
        if (answer.Abstained)
        {
            _abstentions.Add(1, new KeyValuePair<string, object?>("rule", answer.Decision.Rule));
        }
    }

    public void ReindexFinished(string mode, string outcome, TimeSpan elapsed)
    {
        _reindexJobs.Add(1, new("mode", mode), new("outcome", outcome));
        _reindexDuration.Record(elapsed.TotalSeconds, new("mode", mode), new("outcome", outcome));
    }
}
