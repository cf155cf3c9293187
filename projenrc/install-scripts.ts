import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/**
 * npm 11 runs a dependency's install scripts only when the root package.json's
 * `allowScripts` approves them. Every entry here was reviewed: `true` runs,
 * `false` records that the script is not needed, which also silences npm's
 * "not yet covered" warning.
 */
export class InstallScripts extends Component {
  constructor(project: NodeProject, decisions: Record<string, boolean>) {
    super(project);
    project.package.addField('allowScripts', decisions);
  }
}
