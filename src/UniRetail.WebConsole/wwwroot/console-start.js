// Starts Blazor with two round trips fewer before a page is live (blazor.web.js is loaded with autostart="false").
// - initializers: the console has no JavaScript initializers (a test checks that /_blazor/initializers answers []),
//   so Blazor need not ask the server for the list before it connects.
// - skipNegotiation: the circuit goes straight to a WebSocket (transport 1) instead of first POSTing /_blazor/negotiate;
//   a proxy in front of the console must pass WebSocket upgrades (docs/operations.md).
Blazor.start({
    circuit: {
        initializers: { beforeStart: [], afterStarted: [] },
        configureSignalR: builder => builder.withUrl("_blazor", { skipNegotiation: true, transport: 1 }),
    },
});
