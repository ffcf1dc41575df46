/** The user a mobile client's bearer token stands for. */
export async function userFromBearerToken(header: string | null): Promise<{ id: string } | null> {
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null
  return token && token === process.env.MOBILE_API_TOKEN ? { id: 'mobile' } : null
}
