/**
 * A link that crosses from one entry to the other (staff app ↔ public pages) reaches a router that does not
 * have the page: load it from the server instead, which sends the right entry's HTML.
 */
import { Anchor, Center } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';

const KEY = 'cchc.fullPageLoad';
/** The URL this document was loaded for by a FullPageLoad, if it was (read once, when the entry starts). */
const arrivedFor = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
if (arrivedFor !== null) sessionStorage.removeItem(KEY);

export function FullPageLoad() {
  const { pathname, search, hash } = useLocation();
  const url = pathname + search + hash;
  // Were the server to answer with this same entry again, show a link rather than reload for ever.
  const looped = arrivedFor === url;
  useEffect(() => {
    if (looped) return;
    sessionStorage.setItem(KEY, url);
    window.location.replace(url);
  }, [url, looped]);
  return looped ? (
    <Center p="xl">
      <Anchor href={url}>{url}</Anchor>
    </Center>
  ) : null;
}
