import { createServer, IncomingHttpHeaders } from 'http';
import { close, listen } from './task-metadata-server';

/** A request the fake ECS API received. */
export interface EcsApiRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: { [key: string]: unknown };
}

/** How to answer: a status and a JSON body, `'hang'` (never answer) or `'drop'` (close the connection). */
export type EcsApiAnswer = { readonly status: number; readonly body: unknown } | 'hang' | 'drop';

export interface EcsApiServer {
  /** The value for AWS_ENDPOINT_URL_ECS. */
  readonly endpoint: string;
  readonly requests: EcsApiRequest[];
  close(): Promise<void>;
}

/**
 * The ECS API on 127.0.0.1: AWS JSON 1.1 over POST, the operation in `X-Amz-Target`
 * (`AmazonEC2ContainerServiceV20141113.ListTasks`), errors as `{"__type": …}` with a 400.
 */
export async function startEcsApiServer(answer: (request: EcsApiRequest, index: number) => EcsApiAnswer): Promise<EcsApiServer> {
  const requests: EcsApiRequest[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; });
    request.on('end', () => {
      const received: EcsApiRequest = {
        method: request.method ?? '',
        target: String(request.headers['x-amz-target'] ?? ''),
        headers: request.headers,
        body: text === '' ? {} : JSON.parse(text),
      };
      requests.push(received);
      const reply = answer(received, requests.length - 1);
      if (reply === 'hang') return;
      if (reply === 'drop') {
        request.socket.destroy();
        return;
      }
      response.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${requests.length}` });
      response.end(JSON.stringify(reply.body));
    });
  });
  const port = await listen(server);
  return { endpoint: `http://127.0.0.1:${port}`, requests, close: () => close(server) };
}

/** Dummy credentials and region for the real SDK, as a task would get them from its environment. */
export const DUMMY_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_REGION: 'eu-west-1',
};
