import { createServer, Server } from 'http';
import { AddressInfo } from 'net';

/** What the fake task runs as; the documents follow the v4 response examples. */
export interface FakeTask {
  readonly region?: string;
  readonly account?: string;
  readonly cluster?: string;
  readonly taskId?: string;
  readonly family?: string;
  readonly revision?: string;
  readonly image?: string;
  /** Container-level memory limit; omitted when undefined (as on Fargate without one). */
  readonly containerMemory?: number;
  /** Task-level memory (always set on Fargate). */
  readonly taskMemory?: number;
  readonly logGroup?: string;
  /** Answer /task with this status instead of the document. */
  readonly taskStatus?: number;
}

export interface TaskMetadataServer {
  /** The value of ECS_CONTAINER_METADATA_URI_V4. */
  readonly uri: string;
  readonly taskArn: string;
  readonly clusterArn: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A task metadata endpoint v4 on 127.0.0.1, answering `${uri}` (the container) and
 * `${uri}/task` like https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v4-fargate-response.html
 */
export async function startTaskMetadataServer(task: FakeTask = {}): Promise<TaskMetadataServer> {
  const region = task.region ?? 'eu-west-1';
  const account = task.account ?? '123456789012';
  const clusterName = task.cluster ?? 'batch';
  const taskId = task.taskId ?? '0f5e7a9c1b2d4e6f8a0b1c2d3e4f5a6b';
  const family = task.family ?? 'payments-nightly';
  const clusterArn = `arn:aws:ecs:${region}:${account}:cluster/${clusterName}`;
  const taskArn = `arn:aws:ecs:${region}:${account}:task/${clusterName}/${taskId}`;
  const container = {
    DockerId: `${taskId}-1234567890`,
    Name: 'job',
    DockerName: 'job',
    Image: task.image ?? `${account}.dkr.ecr.${region}.amazonaws.com/payments-jobs:2024.06.1`,
    ImageID: 'sha256:8cac3dac7c1a7b4f6a0c0d6a8f2f3f7e1b5f0c2d9e6a1b4c7d0e3f6a9b2c5d8e',
    Labels: {
      'com.amazonaws.ecs.cluster': clusterArn,
      'com.amazonaws.ecs.container-name': 'job',
      'com.amazonaws.ecs.task-arn': taskArn,
      'com.amazonaws.ecs.task-definition-family': family,
      'com.amazonaws.ecs.task-definition-version': task.revision ?? '7',
    },
    DesiredStatus: 'RUNNING',
    KnownStatus: 'RUNNING',
    Limits: { CPU: 2, ...(task.containerMemory === undefined ? {} : { Memory: task.containerMemory }) },
    Type: 'NORMAL',
    LogDriver: 'awslogs',
    LogOptions: {
      'awslogs-group': task.logGroup ?? `/ecs-batch/${family}`,
      'awslogs-region': region,
      'awslogs-stream': `job/job/${taskId}`,
    },
    ContainerARN: `arn:aws:ecs:${region}:${account}:container/${clusterName}/${taskId}/1b2c3d4e`,
  };
  const taskDocument = {
    Cluster: clusterArn,
    TaskARN: taskArn,
    Family: family,
    Revision: task.revision ?? '7',
    DesiredStatus: 'RUNNING',
    KnownStatus: 'RUNNING',
    Limits: { CPU: 0.5, Memory: task.taskMemory ?? 1024 },
    AvailabilityZone: `${region}a`,
    LaunchType: 'FARGATE',
    Containers: [container],
  };

  const requests: string[] = [];
  const base = `/v4/${taskId}-1234567890`;
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === base) reply(200, container);
    else if (request.url === `${base}/task`) reply(task.taskStatus ?? 200, task.taskStatus ? { error: 'unavailable' } : taskDocument);
    else reply(404, { error: `no ${request.url}` });
  });
  const port = await listen(server);
  return {
    uri: `http://127.0.0.1:${port}${base}`,
    taskArn,
    clusterArn,
    requests,
    close: () => close(server),
  };
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
