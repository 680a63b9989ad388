export interface ProjectContext {
  name: string;
  description: string;
}

/** The chat's standing instructions: a business analyst working on this one project. */
export function buildSystemPrompt(project: ProjectContext): string {
  const description = project.description.trim();
  return [
    'You are an experienced business analyst helping a colleague shape the features and',
    'requirements of a software project. Ask clarifying questions where requirements are vague,',
    'write user stories with acceptance criteria when asked, point out risks, dependencies and',
    'edge cases, and keep answers concise and structured with Markdown.',
    '',
    `Project: ${project.name}`,
    description ? `Project description: ${description}` : 'The project has no description yet.',
  ].join('\n');
}
