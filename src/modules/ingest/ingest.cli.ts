import fs from 'node:fs';
import type { Command } from 'commander';

// Imported when the command runs (src/cli.ts keeps start-up to what the command needs).

export function registerIngestCommands(program: Command): void {
  program
    .command('ingest')
    .argument('<file>', 'a readout: plain text, a saved web page (HTML) or a PDF with a text layer')
    .option('--published-on <date>', 'publication date (YYYY-MM-DD): "met today" and "yesterday" resolve against it')
    .option('--json', 'print the extraction as one JSON object (the only output format)')
    .description('Read a readout into proposed facts, each with the words it came from; offline, nothing is recorded')
    .action(async (file: string, options: { publishedOn?: string }) => {
      if (options.publishedOn && !/^\d{4}-\d{2}-\d{2}$/.test(options.publishedOn)) throw new Error(`--published-on must be a date as YYYY-MM-DD, not "${options.publishedOn}"`);
      if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
      // The part-of-speech model starts loading on another thread first thing; this one goes on meanwhile.
      const tagger = (await import('./tags-ahead.ts')).startTaggerAhead();
      const { InvalidInput } = await import('../../platform/errors.ts');
      const { documentText } = await import('./document-text.ts');
      try {
        const { text } = await documentText(fs.readFileSync(file));
        const publishedOn = options.publishedOn ?? null;
        // While the model loads on the other thread, this one reads all that needs no part of speech; only
        // the speakers' check waits for the tags. The facts are the same as extractReadout's.
        const ahead = tagger.tagsOf(text);
        const [{ beginReadout, finishReadout }, { useTagsReadAhead }] = await Promise.all([import('./extract.ts'), import('./parts-of-speech.ts')]);
        const begun = beginReadout(text, { publishedOn });
        useTagsReadAhead(await ahead);
        const { notes, evidence: _evidence, ...extraction } = finishReadout(begun);
        for (const note of notes) process.stderr.write(`note: ${note}\n`);
        process.stdout.write(`${JSON.stringify(extraction)}\n`);
      } catch (error) {
        if (error instanceof InvalidInput) throw new Error(`${file}: ${error.fields.map((field) => field.message).join('; ')}`);
        throw error;
      }
    });
}
