using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab;

/// <summary>Registers the lab's evaluators beside the service (the CLI's <c>eval</c> and <c>train-reranker</c>).</summary>
public static class LabServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RetrievalEvaluator"/> and <see cref="QaEvaluator"/>, which use the service's own components.</summary>
    public static IServiceCollection AddProcedureAssistantLab(this IServiceCollection services)
    {
        services.AddSingleton<RetrievalEvaluator>();
        services.AddSingleton<QaEvaluator>();
        return services;
    }
}
