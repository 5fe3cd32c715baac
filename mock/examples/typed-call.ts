import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from 'yeastar-conference-mock';

const pbx = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010' });
// The spec requires a User-Agent; a browser may send its own instead of this one.
const userAgent = { 'User-Agent': 'conference-screen' };

// The request body and the answer are typed from the spec.
const login = await pbx.POST('/openapi/v1.0/get_token', {
  params: { header: userAgent },
  body: { username: 'mock-client-id', password: 'mock-client-secret' },
});
const accessToken = login.data?.access_token;
if (login.data?.errcode !== 0 || !accessToken) throw new Error(`login failed: ${login.data?.errmsg}`);

// The spec's security scheme: the token travels in the query string of every later call.
const withToken: Middleware = {
  onRequest({ request }) {
    const url = new URL(request.url);
    url.searchParams.set('access_token', accessToken);
    return new Request(url, request);
  },
};
pbx.use(withToken);

const { data } = await pbx.GET('/openapi/v1.0/conference/list', {
  params: { header: userAgent, query: { page: 1, page_size: 20, sort_by: 'name', order_by: 'desc' } },
});
if (data?.errcode !== 0) throw new Error(`conference/list failed: ${data?.errmsg}`);
for (const conference of data.data ?? []) console.log(conference.number, conference.name);
console.log(`${data.total_number} conferences`);
