import { isDiagnosticCode } from './diagnosticCodes';

/**
 * Where the documents are published: the repository named in package.json
 * (`repository.url`), on its main branch. A unit test holds the two equal.
 */
export const DOCS_BASE_URL = 'https://github.com/policy-annotator/policy-annotator/blob/main/docs/';

/**
 * The address of a diagnostic code's section in docs/checks.md, used as the
 * LSP diagnostic's `codeDescription.href` and the SARIF rule's `helpUri`.
 * Each section is headed by the code alone in backticks, whose GitHub anchor
 * is the code itself (lower-case letters and hyphens are kept as they are);
 * a unit test checks that every code's anchor exists. Undefined for a code
 * the catalogue does not list.
 */
export function diagnosticDocsUrl(code: string): string | undefined {
  return isDiagnosticCode(code) ? `${DOCS_BASE_URL}checks.md#${code}` : undefined;
}
