/** Build step (`npm run build`): the commands' metadata, so a process loads only the command it runs. */
import { importCommands } from './index.js';
import { MANIFEST_FILE, writeManifest, type CommandMeta } from './manifest.js';

const commands = await importCommands();
writeManifest(commands.map(({ command, module, exportName }): CommandMeta => {
  const { run: _run, ...meta } = command;
  return { ...meta, module, exportName };
}));
process.stdout.write(`commands: ${commands.length} → ${MANIFEST_FILE.pathname}\n`);
