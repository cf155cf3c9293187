import { ValidationError } from '../errors';

/**
 * CPU architectures of Fargate tasks, and what follows from one: the capacity
 * providers that run it and the image platform to build.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-arm64.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
 */
export class FargateArchitecture {
  /** Intel/AMD 64-bit (`runtimePlatform.cpuArchitecture`). */
  public static readonly X86_64 = 'X86_64';
  /** Graviton (`runtimePlatform.cpuArchitecture`). */
  public static readonly ARM64 = 'ARM64';
  /** Both, as ECS spells them. */
  public static readonly NAMES: string[] = Object.freeze(['X86_64', 'ARM64']) as string[];

  /**
   * Check an architecture name.
   * @throws ValidationError naming `field`
   */
  public static check(architecture: string, field: string): string {
    if (!FargateArchitecture.NAMES.includes(architecture)) {
      throw new ValidationError(field, `'${architecture}' is not a Fargate CPU architecture (${FargateArchitecture.NAMES.join(' or ')})`);
    }
    return architecture;
  }

  /**
   * Refuse `FARGATE_SPOT` for ARM64: Fargate Spot runs only X86_64 Linux tasks.
   *
   * @param architecture `X86_64` or `ARM64`
   * @param capacityProviders the capacity providers of the job's strategy or cluster
   * @param field the caller's name for the capacity providers, used in the error
   * @throws ValidationError naming `field`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
   */
  public static checkCapacityProviders(architecture: string, capacityProviders: string[], field: string): void {
    FargateArchitecture.check(architecture, 'architecture');
    const i = capacityProviders.indexOf('FARGATE_SPOT');
    if (architecture === FargateArchitecture.ARM64 && i !== -1) {
      throw new ValidationError(`${field}[${i}]`, 'FARGATE_SPOT cannot run an ARM64 task: Fargate Spot has no Graviton capacity (use FARGATE, or architecture X86_64 to use Spot)');
    }
  }

  /**
   * The Fargate capacity providers a cluster offers for jobs of this architecture:
   * `FARGATE` and `FARGATE_SPOT` for X86_64, only `FARGATE` for ARM64.
   */
  public static capacityProviders(architecture: string): string[] {
    FargateArchitecture.check(architecture, 'architecture');
    return architecture === FargateArchitecture.ARM64 ? ['FARGATE'] : ['FARGATE', 'FARGATE_SPOT'];
  }

  /**
   * The image platform to build (`docker buildx build --platform ...`):
   * `linux/arm64` or `linux/amd64`.
   * @see https://docs.docker.com/build/building/multi-platform/
   */
  public static dockerPlatform(architecture: string): string {
    FargateArchitecture.check(architecture, 'architecture');
    return architecture === FargateArchitecture.ARM64 ? 'linux/arm64' : 'linux/amd64';
  }

  private constructor() {}
}
