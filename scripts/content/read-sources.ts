/**
 * Reads the YAML sources of the content (content/competences/*.yaml, content/target-profiles.yaml).
 * YAML syntax errors are reported with their line; the raw text is kept to hash the pack version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { displayPath, type ContentError } from './content-error';

export interface SourceFile {
  /** absolute path */
  absolutePath: string;
  /** path shown in messages */
  file: string;
  text: string;
  /** parsed YAML, undefined when the file does not parse */
  data: unknown;
}

export interface Sources {
  competenceFiles: SourceFile[];
  targetProfiles: SourceFile | undefined;
  errors: ContentError[];
}

function readYaml(absolutePath: string, errors: ContentError[]): SourceFile {
  const file = displayPath(absolutePath);
  const text = fs.readFileSync(absolutePath, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]);
      errors.push({ file, path: line ? `ligne ${line.line}, colonne ${line.col}` : '', message: `YAML invalide : ${error.message.split('\n')[0]}` });
    }
    return { absolutePath, file, text, data: undefined };
  }
  return { absolutePath, file, text, data: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

export function readSources(contentDir: string): Sources {
  const errors: ContentError[] = [];
  const competencesDir = path.join(contentDir, 'competences');
  const names = fs.existsSync(competencesDir)
    ? fs.readdirSync(competencesDir).filter((name) => /\.ya?ml$/.test(name)).sort()
    : [];
  if (names.length === 0) {
    errors.push({ file: displayPath(competencesDir), path: '', message: 'aucun fichier de compétence (*.yaml) trouvé' });
  }
  const competenceFiles = names.map((name) => readYaml(path.join(competencesDir, name), errors));
  const targetProfilesPath = path.join(contentDir, 'target-profiles.yaml');
  const targetProfiles = fs.existsSync(targetProfilesPath) ? readYaml(targetProfilesPath, errors) : undefined;
  return { competenceFiles, targetProfiles, errors };
}
