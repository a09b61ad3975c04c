// A page's searchParams as a URL, so pages validate them with the same schemas as the API.
export function searchParamsUrl(path: string, searchParams: Record<string, string | string[] | undefined>): URL {
  const url = new URL(path, "http://local");
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) url.searchParams.append(key, item);
  }
  return url;
}
