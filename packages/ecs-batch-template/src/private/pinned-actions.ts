import { Component, github, Project, YamlFile } from 'projen';
import { ACTION_PINS, ActionPin, BASE_IMAGE } from './pins';

/**
 * Reads the pins (pins.ts) for workflow steps and the Dockerfile, and makes
 * every workflow file of a project use them.
 */
export class Pins {
  /** The pin of `owner/repo`; a workflow may only use pinned actions. */
  public static action(repo: string): ActionPin {
    const pin = ACTION_PINS.find((p) => p.repo === repo);
    if (!pin) throw new Error(`${repo}: not pinned in ecs-batch-template's pins.ts (add it to TRACKED_ACTIONS in the monorepo's scripts/lib/actions-update.ts and run npx projen actions:update)`);
    return pin;
  }

  /** `owner/repo@<full sha>`, the value of a step's `uses:`; the tag comment is added when the file is written. */
  public static uses(repo: string): string {
    return `${repo}@${Pins.action(repo).sha}`;
  }

  /** `node:<tag>@sha256:<index digest>` for a Dockerfile's FROM. */
  public static baseImage(): string {
    return `${BASE_IMAGE.image}:${BASE_IMAGE.tag}@${BASE_IMAGE.digest}`;
  }

  /** Appends `# <tag>` to every `uses: owner/repo@<pinned sha>` line of a workflow's YAML text. */
  public static annotate(yaml: string): string {
    return yaml.replace(/^(\s*(?:-\s+)?uses:\s+)([\w.-]+\/[\w./-]+)@([0-9a-f]{40})\s*$/gm, (line, prefix: string, repo: string, sha: string) => {
      const pin = ACTION_PINS.find((p) => p.repo === repo && p.sha === sha);
      return pin ? `${prefix}${repo}@${sha} # ${pin.tag}` : line;
    });
  }
}

/**
 * Pins every action a project's workflows use, including the workflows projen
 * itself writes (through `project.github.actions`), and writes each pin's tag
 * as a YAML comment, so a reviewer reads `# v7.0.1` next to the SHA.
 */
export class PinnedWorkflows extends Component {
  constructor(project: Project) {
    super(project, 'PinnedWorkflows');
    const actions = github.GitHub.of(project)?.actions;
    for (const pin of ACTION_PINS) actions?.set(pin.repo, `${pin.repo}@${pin.sha}`);
  }

  public preSynthesize(): void {
    for (const file of this.project.files) {
      if (!(file instanceof YamlFile) || !file.path.startsWith('.github/workflows/')) continue;
      // A YAML scalar cannot carry a comment: add it to the text projen renders.
      const render = (file as any).synthesizeContent.bind(file);
      (file as any).synthesizeContent = (resolver: unknown) => {
        const text: string | undefined = render(resolver);
        return text === undefined ? undefined : Pins.annotate(text);
      };
    }
  }
}
