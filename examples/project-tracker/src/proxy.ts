import { NextResponse, type NextRequest } from 'next/server'

/** The admin API answers only a signed-in session. */
export function proxy(request: NextRequest) {
  if (!request.cookies.get('session')) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  return NextResponse.next()
}

export const config = { matcher: ['/api/admin/:path*'] }
