/**
 * An offline simulator inside a challenge: loaded into a sandboxed srcdoc iframe (opaque origin, see
 * simulator-document.ts). Only the answer string of a message posted by this very frame is taken.
 */
import { useEffect, useRef, useState } from 'react';
import { SIMULATOR_SANDBOX, simulatorAnswer, simulatorDocument } from './simulator-document';

export interface SimulatorFrameProps {
  url: string;
  title: string;
  height: number;
  onAnswer: (answer: string) => void;
}

type Loaded = { url: string; srcdoc: string } | { url: string; error: string };

export function SimulatorFrame(props: SimulatorFrameProps) {
  const { url, onAnswer } = props;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [ready, setReady] = useState(false);
  const answerRef = useRef(onAnswer);
  useEffect(() => {
    answerRef.current = onAnswer;
  });

  useEffect(() => {
    let cancelled = false;
    const absolute = new URL(url, window.location.href).href;
    fetch(absolute, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return simulatorDocument(await response.text(), absolute);
      })
      .then(
        (srcdoc) => !cancelled && setLoaded({ url, srcdoc }),
        () => !cancelled && setLoaded({ url, error: 'Le simulateur n’a pas pu être chargé. Vérifiez la connexion puis cliquez sur « Réinitialiser ».' }),
      );
    return () => {
      cancelled = true;
    };
  }, [url]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // A sandboxed frame posts with origin 'null': who it is comes from event.source alone.
      if (event.source === null || event.source !== frameRef.current?.contentWindow || event.origin !== 'null') return;
      const answer = simulatorAnswer(event.data);
      if (answer !== null) answerRef.current(answer);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const current = loaded?.url === url ? loaded : null;
  if (current && 'error' in current) {
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-1w" role="alert">
        <p>{current.error}</p>
      </div>
    );
  }
  // aria-busy until the simulator's document has loaded (its scripts may move the focus into the frame).
  if (!current) {
    return (
      <div className="pix-embed pix-embed--loading" style={{ height: `${props.height}px` }} aria-busy="true" data-testid="simulator-loading">
        <p className="fr-p-2w">Chargement du simulateur…</p>
      </div>
    );
  }
  return (
    <iframe
      ref={frameRef}
      srcDoc={current.srcdoc}
      title={props.title}
      style={{ height: `${props.height}px` }}
      className="pix-embed"
      sandbox={SIMULATOR_SANDBOX}
      aria-busy={ready ? undefined : true}
      onLoad={() => setReady(true)}
    />
  );
}
