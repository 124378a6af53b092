using ProcedureAssistant.Api;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Endpoints;
using ProcedureAssistant.Core;

var builder = WebApplication.CreateBuilder(args);
builder.AddProcedureAssistant();
builder.AddApiServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<AdminKeyMiddleware>();
app.UseRateLimiter();
app.MapOpenApi();
app.MapHealthEndpoints();
app.MapAskEndpoints();
app.MapSearchEndpoints();
app.MapDocumentEndpoints();
app.MapCommuneEndpoints();
app.MapAdminEndpoints();
app.Run();
