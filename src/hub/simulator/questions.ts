import type { Rng } from './rng';

/**
 * Questions the audience of the Assises could ask, to rehearse the moderation queue and the
 * projector with realistic text: placement, ASE, the child's voice, young adults leaving care,
 * health, Covid, the teams' means… Some are near-duplicates (the grouping of the queue), some carry
 * personal data (a first name with a town, a phone number, an e-mail address) so that the future
 * moderation flags have something to catch. Names, towns and numbers are invented; the phone
 * numbers are in the ranges ARCEP keeps for fiction (01 99 00 xx xx, 06 39 98 xx xx).
 */
export type QuestionKind = 'plain' | 'near-duplicate' | 'personal';

export interface QuestionSeed {
  text: string;
  kind: QuestionKind;
}

const plain = (text: string): QuestionSeed => ({ text, kind: 'plain' });
const near = (text: string): QuestionSeed => ({ text, kind: 'near-duplicate' });
const personal = (text: string): QuestionSeed => ({ text, kind: 'personal' });

export const QUESTIONS: readonly QuestionSeed[] = [
  // Placement and the ASE
  plain('Comment éviter les ruptures de parcours quand un enfant change trois fois de lieu de placement en un an ?'),
  plain('Quelle place pour les familles d’accueil dans les décisions qui concernent l’enfant qu’elles accueillent ?'),
  plain('Le placement à domicile est-il vraiment une alternative au placement en établissement ?'),
  plain('Combien d’enfants sont aujourd’hui placés à l’hôtel faute de place, et que fait-on pour y mettre fin ?'),
  plain('Pourquoi les délais entre la décision du juge et l’exécution de la mesure sont-ils si longs ?'),
  plain('Comment l’ASE peut-elle mieux travailler avec la pédopsychiatrie ?'),
  plain('Quels moyens pour recruter des assistants familiaux alors que la profession vieillit ?'),
  plain('Les fratries sont-elles encore séparées au moment du placement ? Qu’est-ce qui l’empêcherait ?'),
  plain('Quel bilan de la loi de 2016 sur le projet pour l’enfant, cinq ans après ?'),
  plain('Comment associer les parents au projet pour l’enfant sans les mettre en échec ?'),
  // The child's voice
  plain('Comment recueillir la parole de l’enfant avant une décision de placement ?'),
  near('Comment mieux prendre en compte la parole de l’enfant dans les décisions qui le concernent ?'),
  near('La parole de l’enfant est-elle vraiment entendue par le juge ? Qui l’accompagne à l’audience ?'),
  plain('Faut-il un avocat pour chaque enfant placé, dès le début de la mesure ?'),
  plain('Les enfants protégés sont-ils représentés dans les instances qui décident des politiques publiques ?'),
  plain('Comment former les professionnels à l’entretien avec les tout-petits ?'),
  plain('Les conseils de vie sociale fonctionnent-ils dans les foyers de l’enfance ?'),
  // Young adults leaving care
  plain('Que deviennent les jeunes majeurs à la sortie de l’ASE, le jour de leurs 18 ans ?'),
  near('Comment accompagner les jeunes majeurs après 18 ans ? Le contrat jeune majeur va-t-il devenir obligatoire ?'),
  near('Et après 18 ans ? Les jeunes sortant de l’ASE se retrouvent souvent à la rue.'),
  plain('Un quart des personnes sans domicile sont d’anciens enfants placés : quelles réponses concrètes ?'),
  plain('Comment garantir la continuité des études supérieures pour les jeunes sortis de l’ASE ?'),
  plain('Quelle place pour la pair-aidance et les associations d’anciens enfants placés ?'),
  // Health
  plain('Pourquoi le bilan de santé à l’entrée dans le dispositif n’est-il pas réalisé partout ?'),
  plain('Quel accès aux soins psychiques pour les enfants placés, alors que les CMP ont des mois d’attente ?'),
  plain('Comment suivre la santé des enfants placés quand le carnet de santé se perd entre deux lieux d’accueil ?'),
  plain('Que fait-on pour les enfants en situation de handicap relevant à la fois de l’ASE et de la MDPH ?'),
  plain('La santé bucco-dentaire et la vue des enfants placés sont-elles suivies ?'),
  // Covid
  plain('Quels enseignements tirer du confinement pour les enfants placés et les équipes ?'),
  plain('Pendant le confinement, comment les droits de visite des parents ont-ils été maintenus ?'),
  near('Et pendant le confinement, comment les visites en famille ont-elles été organisées ?'),
  plain('Les violences intrafamiliales ont-elles augmenté pendant la crise sanitaire, et les signalements ont-ils suivi ?'),
  plain('Le numérique utilisé pendant le Covid (visites en visio) doit-il rester ?'),
  // Teams and their means
  plain('Comment tenir avec des éducateurs qui suivent 35 situations chacun ?'),
  plain('Que faire face à la pénurie de travailleurs sociaux et au turn-over dans les équipes ?'),
  near('Le manque de moyens et de personnel dans les équipes de l’ASE : quelles réponses de l’État ?'),
  plain('Les revalorisations salariales du Ségur vont-elles enfin concerner les éducateurs de la protection de l’enfance ?'),
  plain('Comment soutenir les équipes face aux situations de violence dans les foyers ?'),
  plain('Quelle supervision et quelle analyse des pratiques pour les professionnels de terrain ?'),
  // Prevention, the justice system, territories
  plain('La PMI a perdu une grande partie de ses moyens : comment faire de la prévention sans elle ?'),
  plain('Comment mieux coordonner l’Éducation nationale et l’ASE autour des informations préoccupantes ?'),
  plain('Les CRIP ont-elles les moyens de traiter les informations préoccupantes dans les délais ?'),
  plain('Pourquoi des écarts aussi grands entre départements dans la prise en charge des enfants ?'),
  plain('Faut-il recentraliser la protection de l’enfance ?'),
  plain('Quelle articulation entre les juges des enfants et les départements, quand les mesures ne sont pas exécutées ?'),
  plain('Comment protéger les mineurs non accompagnés sans les traiter d’abord comme des étrangers ?'),
  plain('Que fait-on contre la prostitution des mineurs, qui touche aussi des enfants placés ?'),
  plain('Quelle place pour l’école dans le repérage des violences faites aux enfants ?'),
  plain('Les contrôles des lieux d’accueil non autorisés sont-ils suffisants ?'),
  plain('Comment les données de l’ONPE permettent-elles de piloter les politiques départementales ?'),
  // With personal data (to be flagged by moderation, never projected as such)
  personal('Bonjour, je suis Nadia, éducatrice à Saint-Nazaire : le petit Lucas que je suis attend une place depuis 4 mois, que faire ?'),
  personal('Ma nièce Inès, placée à Rezé, n’a plus vu sa mère depuis le confinement. Est-ce normal ?'),
  personal('Pouvez-vous me rappeler au 06 39 98 12 34 ? Je suis assistante familiale et je n’ai pas de réponse du service.'),
  personal('Je suis la maman de Théo (foyer de Cholet), on ne me dit rien sur son suivi. Contact : 01 99 00 45 67'),
  personal('Jean-Marc Dupré, chef de service à Angers : écrivez-moi à jm.dupre@example.org pour l’expérimentation.'),
  personal('Mon fils Kevin, 16 ans, placé à Nantes Nord, a fugué trois fois. Qui est responsable ?'),
  // Short, blunt, or oddly formatted (as typed on a phone)
  plain('Et les moyens ???'),
  plain('merci pour cette table ronde, question : quid des 16-18 ans ?'),
  plain('QUAND AURONS-NOUS ENFIN UN VRAI STATUT POUR LES ASSISTANTS FAMILIAUX ?'),
  plain('Question pour Mme la ministre : quel calendrier pour la réforme ?'),
  plain('Pourquoi si peu d’adoptions simples pour les enfants délaissés ?'),
];

/** First names a participant may leave with a question (most leave none). */
export const FIRST_NAMES: readonly string[] = [
  'Claire',
  'Karim',
  'Sophie',
  'Mathieu',
  'Aïcha',
  'Yannick',
  'Élodie',
  'Thomas',
  'Fatou',
  'Gwenaël',
  'Lucie',
  'Mehdi',
  'Anne-Laure',
  'Pierre',
  'Nathalie',
  'Samir',
];

/** Small changes a second person asking the same thing would make. */
const OPENINGS = ['', '', '', 'Bonjour, ', 'Merci pour vos interventions. ', 'Question à la table ronde : ', 'Une question simple : '];

function reword(rng: Rng, text: string): string {
  let t = text;
  const opening = rng.pick(OPENINGS);
  if (opening) t = opening + t.charAt(0).toLowerCase() + t.slice(1);
  if (rng.chance(0.15)) t = t.replace(/ \?$/, '?'); // no space before the mark, as often typed
  if (rng.chance(0.1)) t = t.toLowerCase();
  return t;
}

export interface GeneratedQuestion {
  text: string;
  name: string | null;
  kind: QuestionKind;
}

/** One question as a participant types it: a seed from the list, sometimes reworded, sometimes signed. */
export function makeQuestion(rng: Rng): GeneratedQuestion {
  const seed = rng.pick(QUESTIONS);
  const text = seed.kind === 'personal' ? seed.text : reword(rng, seed.text);
  const name = rng.chance(0.35) ? rng.pick(FIRST_NAMES) : null;
  return { text, name, kind: seed.kind };
}
