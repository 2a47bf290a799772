// Sends events to a UniRetail server with the real, unmodified @segment/analytics-node SDK and proves they were
// delivered. Run by tests/UniRetail.Server.Tests/Marketing/SegmentSdkTests.cs; by hand:
//
//   node tests/sdk/send.mjs --host http://127.0.0.1:5080 --write-key wk_… [--scenario journey|bulk] [--events 500]
//
// (or UNIRETAIL_HOST / UNIRETAIL_WRITE_KEY). `journey` sends one shopper's identify, track ×2, page, screen, group and
// alias in one batch; `bulk` sends --events track calls, batched by the SDK as it would in a busy server.
// Prints one JSON line: each delivered event as the SDK built it (with its own messageId) and each HTTP request it made.
// Exits 1 if the SDK reports a delivery error, an event was never acknowledged, or any response was not 2xx.
import { parseArgs } from 'node:util';
import { Analytics } from '@segment/analytics-node';

const { values: args } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.UNIRETAIL_HOST },
    'write-key': { type: 'string', default: process.env.UNIRETAIL_WRITE_KEY },
    scenario: { type: 'string', default: 'journey' },
    events: { type: 'string', default: '500' },
  },
});
if (!args.host || !args['write-key']) {
  console.error('usage: node send.mjs --host URL --write-key KEY [--scenario journey|bulk] [--events N]');
  process.exit(2);
}

// Bulk: ~1.6 KB per event on the wire and 250 to a batch make two ~390 KB requests, near the 500 KB limit Segment and
// UniRetail share. flushAt is what keeps them under it: the SDK's own 480 KB guard miscounts bytes (it counts %XX
// escapes and the letter i; segmentio/analytics-next#1390). The journey's 7 events fit one batch of 20, sent on close.
const bulkBatchSize = 250;
const analytics = new Analytics({
  writeKey: args['write-key'],
  host: args.host,
  path: '/v1/batch',
  flushAt: args.scenario === 'bulk' ? bulkBatchSize : 20,
  // Every non-2xx answer fails this check anyway; retrying it would only make the failure slower.
  maxRetries: 0,
});

// Batches can be in flight together, so a response is matched to its request by the body the SDK reports with both.
const requests = new Map();
const problems = [];
analytics.on('http_request', (request) =>
  requests.set(request.body, { url: request.url, bytes: Buffer.byteLength(request.body), events: JSON.parse(request.body).batch.length, userAgent: request.headers['User-Agent'], auth: request.headers.Authorization?.split(' ')[0] }));
analytics.on('http_response', (response) => {
  requests.get(response.body).status = response.status;
  if (response.status < 200 || response.status > 299)
    problems.push(`HTTP ${response.status} ${response.statusText} from ${response.url}`);
});
analytics.on('error', (error) => problems.push(`SDK error ${error.code}: ${error.reason?.message ?? error.reason}`));

// What the SDK built (its own messageIds, ids and names), recorded once the batch holding each event was answered.
const delivered = [];
function call(method, params) {
  analytics[method](params, (error, ctx) => {
    const event = ctx.event;
    if (error) problems.push(`delivery failed for ${event.type} ${event.messageId}: ${error.message ?? error}`);
    else delivered.push({ messageId: event.messageId, type: event.type, event: event.event ?? null, name: event.name ?? null, userId: event.userId ?? null, anonymousId: event.anonymousId ?? null });
  });
}

if (args.scenario === 'journey') {
  const userId = 'mem-ana-silva';
  const anonymousId = 'anon-7f3c2a';
  call('identify', { userId, anonymousId, traits: { email: 'ana.silva@example.com', phone: '+447700900123', name: 'Ana Silva' } });
  call('track', {
    userId, anonymousId, event: 'Product Viewed',
    properties: { product_id: 'P-85123A', sku: '85123A', category: 'Home/Kitchen', name: 'White hanging heart T-light holder', price: 2.55, currency: 'GBP', quantity: 1, url: 'https://shop.example.com/p/85123A' },
  });
  call('track', {
    userId, anonymousId, event: 'Order Completed',
    properties: {
      checkout_id: 'chk-4711', order_id: 'ord-4711', affiliation: 'Web shop', total: 27.6, subtotal: 25.5, revenue: 25.5, shipping: 2.1, tax: 0, discount: 0, coupon: null, currency: 'GBP',
      products: [{ product_id: 'P-85123A', sku: '85123A', name: 'White hanging heart T-light holder', price: 2.55, quantity: 10, category: 'Home/Kitchen' }],
    },
  });
  call('page', { anonymousId, category: 'Catalog', name: 'Product', properties: { path: '/p/85123A', url: 'https://shop.example.com/p/85123A', title: 'T-light holder' } });
  call('screen', { userId, name: 'Basket', properties: { items: 1 } });
  call('group', { userId, groupId: 'grp-camden-runners', traits: { name: 'Camden Runners', employees: 12 } });
  call('alias', { previousId: anonymousId, userId });
} else if (args.scenario === 'bulk') {
  const count = Number.parseInt(args.events, 10);
  const description = 'Hand-finished stoneware, glazed twice and fired at 1200°C; each piece differs a little. '.repeat(12);
  for (let index = 0; index < count; index++) {
    call('track', {
      anonymousId: `anon-bulk-${index % 25}`, event: 'Product List Viewed',
      properties: { index, list_id: `list-${index}`, category: 'Home/Kitchen', description, products: [{ product_id: `P-${index}`, sku: `SKU-${index}`, price: 4.95, position: 1 }] },
    });
  }
} else {
  console.error(`unknown scenario '${args.scenario}' (journey or bulk)`);
  process.exit(2);
}

await analytics.closeAndFlush({ timeout: 60_000 });
// closeAndFlush resolves without an error when its timeout aborts the batches; an event never acknowledged is a failure.
const expected = args.scenario === 'journey' ? 7 : Number.parseInt(args.events, 10);
if (delivered.length !== expected) problems.push(`${expected} events were sent but ${delivered.length} were delivered`);

console.log(JSON.stringify({ sdk: analytics.VERSION, delivered, requests: [...requests.values()] }));
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
