import type { AdvisorSettings } from './settings';

/**
 * The names the rules recognise, for the common stacks (Auth.js, Clerk, Supabase, Lucia, iron-session;
 * zod, valibot, yup, next-safe-action, zsa; Prisma, Drizzle, Kysely, Mongoose, Supabase, SQL tags).
 */
export const BUILTIN_VOCABULARY = {
  authFunctions: [
    'auth', 'getServerSession', 'getServerAuthSession', 'getSession', 'currentUser', 'getUser', 'validateRequest',
    'getIronSession', 'requireUser', 'requireAuth', 'requireSession', 'getCurrentUser', 'verifySession', 'getAuth',
    'checkAuth', 'ensureAuth', 'getToken', 'protect', 'getClaims',
  ],
  authWrappers: [
    'withAuth', 'authedAction', 'authAction', 'authActionClient', 'protectedAction', 'withSession', 'withUser',
    'validatedActionWithUser', 'authenticatedAction', 'requireAuthAction', 'withApiAuth',
  ],
  validationFunctions: ['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync', 'assert'],
  /** Chain members that attach a schema to an action client (next-safe-action, zsa). */
  validationMembers: ['schema', 'inputSchema', 'input'],
  dataClients: ['prisma', 'db', 'database', 'supabase', 'knex', 'kysely', 'sql', 'pool', 'drizzle', 'mongo', 'mongoose', 'orm'],
  dataModules: [
    '@prisma/client', 'drizzle-orm', '@supabase/supabase-js', '@supabase/ssr', 'kysely', 'mongoose', 'mongodb',
    '@vercel/postgres', 'postgres', 'pg', '@neondatabase/serverless', '@planetscale/database', 'knex',
    'firebase/firestore', 'firebase-admin/firestore', '@vercel/blob', 'better-sqlite3', '@libsql/client',
  ],
  writeMethods: [
    'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany', 'insert',
    'insertInto', 'insertOne', 'insertMany', 'updateTable', 'updateOne', 'deleteFrom', 'deleteOne', 'replaceOne',
    'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findByIdAndUpdate', 'findByIdAndDelete', 'bulkWrite',
    'save', 'destroy', 'remove', '$executeRaw', '$executeRawUnsafe', 'setDoc', 'addDoc', 'updateDoc', 'deleteDoc', 'put', 'del',
  ],
  readMethods: [
    'findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findOne', 'findById', 'find',
    'select', 'selectFrom', 'count', 'aggregate', 'groupBy', '$queryRaw', '$queryRawUnsafe', 'getDoc', 'getDocs', 'countDocuments', 'selectDistinct', 'selectDistinctOn',
    'estimatedDocumentCount', 'distinct', 'exists',
  ],
  /** Methods that run a SQL string; the statement's first word tells a read from a write. */
  sqlMethods: ['query', 'execute', 'raw', 'unsafe', 'exec'],
  revalidation: ['revalidatePath', 'revalidateTag', 'updateTag', 'refresh', 'redirect', 'permanentRedirect'],
  /** From `next/navigation`: they throw to navigate, so a `catch` must let them through. */
  navigation: ['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized'],
  /** Calls that verify a signature or a shared secret: they authenticate a machine caller. */
  signatureVerification: [
    'constructEvent', 'constructEventAsync', 'verify', 'verifySignature', 'verifyWebhook', 'validateWebhook',
    'verifyHeader', 'timingSafeEqual', 'verifyWebhookSignature', 'validateSignature', 'createHmac',
  ],
  /** Of those, the calls that only a webhook receiver makes (`verify` alone also checks MFA codes, JWTs…). */
  webhookVerification: ['constructEvent', 'constructEventAsync', 'verifyWebhook', 'verifyWebhookSignature', 'validateWebhook', 'verifyHeader', 'unwrap'],
  webhookHeaders: [
    'stripe-signature', 'x-hub-signature', 'x-hub-signature-256', 'svix-id', 'svix-timestamp', 'svix-signature',
    'webhook-id', 'webhook-signature', 'webhook-timestamp', 'x-signature', 'x-webhook-signature', 'x-shopify-hmac-sha256',
    'x-slack-signature', 'paddle-signature', 'x-twilio-signature', 'x-razorpay-signature', 'linear-signature', 'x-github-event',
  ],
  /** Headers a route checks to authenticate a machine caller. */
  credentialHeaders: ['authorization', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token'],
  cacheHeaders: ['cache-control', 'cdn-cache-control', 'vercel-cdn-cache-control', 'etag', 'last-modified', 'expires', 'surrogate-control'],
  corsHeaders: ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers'],
  streams: ['ReadableStream', 'TransformStream', 'WritableStream'],
  /** Globals and Next.js functions whose calls neither read nor change anything the rules care about. */
  neutralGlobals: [
    'JSON', 'Math', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Date', 'console', 'Promise', 'URL', 'URLSearchParams',
    'Intl', 'Buffer', 'Symbol', 'Error', 'RegExp', 'Set', 'Map', 'WeakMap', 'BigInt', 'Reflect', 'atob', 'btoa', 'parseInt',
    'parseFloat', 'isNaN', 'encodeURIComponent', 'decodeURIComponent', 'structuredClone', 'z', 'headers', 'cookies', 'draftMode',
    'notFound', 'redirect', 'permanentRedirect', 'forbidden', 'unauthorized', 'unstable_rethrow', 'cache', 'unstable_cache',
    'unstable_noStore', 'connection', 'after',
  ],
  /** Libraries of pure helpers (dates, ids, class names, schemas): calling them changes nothing. */
  pureModules: [
    'date-fns', 'dayjs', 'lodash', 'lodash-es', 'clsx', 'tailwind-merge', 'class-variance-authority', 'nanoid', 'uuid', 'slugify',
    'ms', 'zod', 'valibot', 'yup', '@paralleldrive/cuid2', 'superjson', 'qs', 'query-string', 'validator',
  ],
} as const;

/** Built-in names plus the settings' extra names, as sets for the rules' lookups. */
export interface Vocabulary {
  authFunctions: ReadonlySet<string>;
  authWrappers: ReadonlySet<string>;
  validationFunctions: ReadonlySet<string>;
  validationMembers: ReadonlySet<string>;
  dataClients: ReadonlySet<string>;
  dataModules: ReadonlySet<string>;
  writeMethods: ReadonlySet<string>;
  readMethods: ReadonlySet<string>;
  sqlMethods: ReadonlySet<string>;
  revalidation: ReadonlySet<string>;
  navigation: ReadonlySet<string>;
  signatureVerification: ReadonlySet<string>;
  webhookVerification: ReadonlySet<string>;
  webhookHeaders: ReadonlySet<string>;
  credentialHeaders: ReadonlySet<string>;
  cacheHeaders: ReadonlySet<string>;
  corsHeaders: ReadonlySet<string>;
  streams: ReadonlySet<string>;
  neutralGlobals: ReadonlySet<string>;
  pureModules: ReadonlySet<string>;
}

export function vocabularyFor(settings: AdvisorSettings): Vocabulary {
  const v = BUILTIN_VOCABULARY;
  return {
    authFunctions: new Set([...v.authFunctions, ...settings.authFunctions]),
    authWrappers: new Set([...v.authWrappers, ...settings.authWrappers]),
    validationFunctions: new Set([...v.validationFunctions, ...settings.validationFunctions]),
    validationMembers: new Set(v.validationMembers),
    dataClients: new Set([...v.dataClients, ...settings.dataClients]),
    dataModules: new Set(v.dataModules),
    writeMethods: new Set(v.writeMethods),
    readMethods: new Set(v.readMethods),
    sqlMethods: new Set(v.sqlMethods),
    revalidation: new Set(v.revalidation),
    navigation: new Set(v.navigation),
    signatureVerification: new Set(v.signatureVerification),
    webhookVerification: new Set(v.webhookVerification),
    webhookHeaders: new Set(v.webhookHeaders),
    credentialHeaders: new Set(v.credentialHeaders),
    cacheHeaders: new Set(v.cacheHeaders),
    corsHeaders: new Set(v.corsHeaders),
    streams: new Set(v.streams),
    neutralGlobals: new Set(v.neutralGlobals),
    pureModules: new Set(v.pureModules),
  };
}
