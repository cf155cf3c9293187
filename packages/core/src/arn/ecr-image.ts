import { ValidationError } from '../errors';
import { Arn } from './arn';
import { AwsPartition } from './aws-partition';

/**
 * Container image references and the private ECR repository they pull from.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-pull-ecr-image.html
 */
export class EcrImage {
  /**
   * The ARN of the private ECR repository an image URI pulls from, for the task
   * execution role's `ecrRepositoryArn`.
   *
   * `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/team/job:1.2` gives
   * `arn:aws:ecr:ap-northeast-1:123456789012:repository/team/job`. China
   * (`.amazonaws.com.cn`), GovCloud and FIPS (`dkr.ecr-fips`) endpoints are recognized.
   *
   * @param imageUri the image of the container definition
   * @param field the name used in error messages. @default 'image'
   * @returns the repository ARN, or undefined for an image outside private ECR
   * (Docker Hub, ECR Public, another registry), which needs no IAM permission to pull
   * @throws ValidationError when the image is an unresolved token: its registry cannot be told
   */
  public static repositoryArn(imageUri: string, field?: string): string | undefined {
    const name = field ?? 'image';
    if (Arn.isToken(imageUri)) {
      throw new ValidationError(name, `'${imageUri}' is an unresolved token, so its registry cannot be told (pass the repository ARN explicitly)`);
    }
    const match = EcrImage.PRIVATE_ECR.exec(imageUri);
    if (match === null) {
      return undefined;
    }
    const [, account, region, suffix, path] = match;
    // The repository is the path before the tag (`:tag`) or digest (`@sha256:...`).
    const repository = path.replace(/@.*$/, '').replace(/:[^/]*$/, '');
    const partition = suffix === '.cn' ? 'aws-cn' : AwsPartition.ofRegion(region);
    return Arn.format({ partition, service: 'ecr', region, account, resource: `repository/${repository}` });
  }

  /**
   * `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>[:tag|@digest]`
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html
   */
  private static readonly PRIVATE_ECR = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/(.+)$/;

  private constructor() {}
}
