import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-territory";
import { demoAccountsOpenedByDemoPassword, seedDemo } from "./seed.server";

/**
 * A production server found demo accounts that the password published in the README opens:
 * anyone could sign in as the territory's admin. Its message says what to do, in French then English.
 */
export class DemoPasswordInProduction extends Error {
  constructor(readonly emails: string[]) {
    const shown = emails.slice(0, 5).join(", ") + (emails.length > 5 ? ` (+${emails.length - 5})` : "");
    super(
      [
        `démarrage refusé : ${emails.length} compte(s) de la démo s'ouvrent encore avec le mot de passe de démonstration publié (« ${DEMO_PASSWORD} ») : ${shown}.`,
        "  Site de démonstration : démarrez avec DEMO=true (ou `npm run demo`).",
        "  Sinon : supprimez ces comptes ou changez leur mot de passe, puis redémarrez.",
        `start-up refused: ${emails.length} demo account(s) still open with the published demo password: ${shown}.`,
        "  If this is a demo site, start it with DEMO=true (or `npm run demo`); otherwise delete these accounts or change their passwords, then start again.",
      ].join("\n"),
    );
    this.name = "DemoPasswordInProduction";
  }
}

/**
 * What the server does about the demo when it starts (docs/decisions/016-…):
 * - asked for it (DEMO=true): loads the demo territory into an empty database, and accepts its
 *   accounts in production: it is a demo site;
 * - not asked, in production: refuses to start while a demo account opens with the published password;
 * - not asked, elsewhere: nothing.
 * A database is never given the demo by default.
 */
export async function demoAtStart(prisma: PrismaClient, options: { demo: boolean; production: boolean; now: Date }): Promise<void> {
  if (options.demo) {
    const { created } = await seedDemo(prisma, { now: options.now });
    if (created) console.info(`[demo] territoire de démonstration chargé (comptes ${Object.values(DEMO_ACCOUNTS).join(", ")}, mot de passe « ${DEMO_PASSWORD} »)`);
    if (options.production) {
      console.warn(`[demo] site de démonstration (DEMO=true) : les comptes de la démo s'ouvrent avec le mot de passe publié « ${DEMO_PASSWORD} ».`);
    }
    return;
  }
  if (options.production) {
    const opened = await demoAccountsOpenedByDemoPassword(prisma);
    if (opened.length > 0) throw new DemoPasswordInProduction(opened);
  }
}
