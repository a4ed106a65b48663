import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { accountService } from '../server/auth/accounts.ts';
import { createSecretBox, resolveSecretKey } from '../server/auth/secret-box.ts';
import { openStorage } from '../server/storage/open.ts';
import { ROLES, type Role } from '../server/auth/principal.ts';
import { AppError } from '../server/errors.ts';

const USAGE = `Usage:
  npm run user -- create --username <name> --role <${ROLES.join('|')}> [--organisation <code>] [--name "<display name>"]
      The password is read from NETGUARD_PASSWORD, or asked for on the terminal.
  npm run user -- list
  npm run user -- token --username <name> --name "<what the token is for>"
      Prints a new API token and its signing secret once; only a hash of the token is stored.
  npm run user -- role --username <name> --role <role>
      Changes a user's role (their open sessions and live streams see it at once).
  npm run user -- organisations
Database: NETGUARD_DB (default data/netguard.sqlite).`;

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    output._writeToOutput = (text: string) => void (text.startsWith(question) ? process.stdout.write(question) : undefined);
  });
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' }, name: { type: 'string' } } });
  const path = process.env.NETGUARD_DB ?? 'data/netguard.sqlite';
  const storage = await openStorage({ sqlitePath: path });
  // The same key as the server's (NETGUARD_SECRET_KEY, else the key file beside the database), or the server could not read the secret.
  const accounts = accountService(storage.accounts, createSecretBox(resolveSecretKey(path).key));
  try {
    if (command === 'create') {
      if (!values.username || !values.role) throw new Error('--username and --role are required');
      const role = values.role as Role;
      const password = process.env.NETGUARD_PASSWORD ?? (await askHidden(`Password for ${values.username}: `));
      const user = await accounts.createUser({
        username: values.username, role, password, displayName: values.name ?? values.username,
        organisationCode: values.organisation ?? (role === 'admin' ? 'operator' : ''),
      });
      console.log(`Created ${user.username} (${user.role}, ${user.organisationName}).`);
    } else if (command === 'list') {
      for (const user of await accounts.users()) console.log(`${user.username}\t${user.role}\t${user.organisationName}${user.disabled ? '\t(disabled)' : ''}`);
    } else if (command === 'token') {
      const user = (await accounts.users()).find((candidate) => candidate.username === values.username);
      if (!user || !values.name) throw new Error('--username of an existing user and --name are required');
      const issued = await accounts.createToken(user.userId, values.name);
      console.log(`Token ${issued.id} for ${user.username}:\n  token:          ${issued.token}\n  signing secret: ${issued.signingSecret}\nStore both now: they are not shown again.`);
    } else if (command === 'role') {
      if (!values.username || !values.role || !ROLES.includes(values.role as Role)) throw new Error(`--username and --role <${ROLES.join('|')}> are required`);
      if (!(await storage.accounts.setRole(values.username, values.role as Role))) throw new Error(`no user ${values.username}`);
      console.log(`${values.username} is now ${values.role}; their sessions and live streams follow at their next request.`);
    } else if (command === 'organisations') {
      for (const organisation of await accounts.organisations()) console.log(`${organisation.code}\t${organisation.kind}\t${organisation.name}`);
    } else {
      console.log(USAGE);
      process.exitCode = command ? 1 : 0;
    }
  } catch (error) {
    console.error(error instanceof AppError || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await storage.close();
  }
}

await main();
