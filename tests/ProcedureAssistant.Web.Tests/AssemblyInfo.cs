using ProcedureAssistant.Web.Tests;

// One Chromium for the whole run; tests one after another, so that timings are not measured beside another test.
[assembly: AssemblyFixture(typeof(Chromium))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
