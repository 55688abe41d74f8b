/** Why a file could not be used. Messages name the reason, never the file's content. */
export type ReadProblem =
  | { kind: 'missing' | 'directory' | 'binary' | 'invalid-encoding' | 'outside-workspace' | 'symlink-loop' | 'unreadable' }
  | { kind: 'too-large'; size: number; limit: number };

/** A size for people: "12.4 MB", "300 KB" or "512 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A sentence saying why a file cannot be used and what to do, never quoting its content. */
export function describeReadProblem(problem: ReadProblem, subject: string): string {
  switch (problem.kind) {
    case 'too-large':
      return `${subject} is ${formatSize(problem.size)}, above the limit of ${formatSize(problem.limit)}, so it was not read. Split it, or raise the limit yourself (a workspace's policy-annotator.yaml may only lower it): the user setting policyAnnotator.limits.textSize or the flag --max-text-size for texts, policyAnnotator.limits.annotationFileSize or --max-annotation-file-size for annotation files.`;
    case 'binary':
      return `${subject} is not a text file (it contains binary data), so it was not read. Texts and annotation files are plain text: point to a plain-text or Markdown file, or move binary files out of the annotation folders.`;
    case 'invalid-encoding':
      return `${subject} is not valid UTF-8. Save it as UTF-8 text.`;
    case 'directory':
      return `${subject} is a folder, not a file. Point to the article file inside it.`;
    case 'outside-workspace':
      return `${subject} leads outside the workspace (through a symbolic link), which is never read. Move the file into the workspace.`;
    case 'symlink-loop':
      return `${subject} is a symbolic link that leads back to itself. Replace the link with the file.`;
    case 'unreadable':
      return `${subject} could not be read (check its permissions).`;
    case 'missing':
      return `${subject} was not found.`;
  }
}
