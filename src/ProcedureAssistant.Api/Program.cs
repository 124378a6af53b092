using ProcedureAssistant.Api;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Endpoints;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core;

var builder = WebApplication.CreateBuilder(args);
builder.AddProcedureAssistant();
builder.AddApiServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<AdminKeyMiddleware>();
app.UseRateLimiter();
app.UsePages();
app.UseMiddleware<RequestValuesCheck>();
app.UseMiddleware<PublicBodyLimit>();
app.MapOpenApi();
app.MapApiReference();
app.MapHealthEndpoints();
app.MapAskEndpoints();
app.MapSearchEndpoints();
app.MapDocumentEndpoints();
app.MapIndexEndpoints();
app.MapSubmissionEndpoints();
app.MapCommuneEndpoints();
app.MapAdminEndpoints();
app.Run();
