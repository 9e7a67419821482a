/**
 * The participant page in French (the default). en.ts has exactly these keys. `{name}` is filled
 * by `t(key, { name })`; keys ending in `.one` / `.other` are chosen by `plural()`.
 * French typography: a narrow no-break space (U+202F) before ? ! ; and a no-break space (U+00A0)
 * before : and inside « guillemets » (written as escapes, so that they show in review).
 */
export const fr = {
  'app.title': 'Participer',
  'app.brand': 'Pupitre',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',

  'join.heading': 'Participez en direct',
  'join.intro': 'Posez vos questions, votez et partagez vos mots pendant les séances.',
  'join.code': 'Code de l’événement',
  'join.codeHelp': 'Il est affiché à l’écran et contenu dans le QR code.',
  'join.codeMissing': 'Saisissez le code de l’événement.',
  'join.where': 'Où suivez-vous l’événement\u202f?',
  'join.room': 'Je suis dans la salle',
  'join.remote': 'Je suis à distance',
  'join.whereHelp': 'Votre choix est retenu sur ce téléphone\u202f; vous pourrez le changer.',
  'join.refused': 'Impossible de rejoindre\u00a0: {reason}',

  'header.event': 'Événement {code}',
  'header.room': 'Dans la salle',
  'header.remote': 'À distance',
  'header.change': 'Changer',
  'header.changeLabel': 'Changer de lieu ou d’événement',

  'conn.connecting': 'Connexion au service…',
  'conn.online': 'Connecté',
  'conn.lost': 'Connexion perdue — nouvelle tentative…',
  'conn.back': 'Connexion rétablie',
  'conn.pending.one': '{n} envoi en attente\u00a0: il partira au retour de la connexion.',
  'conn.pending.other': '{n} envois en attente\u00a0: ils partiront au retour de la connexion.',

  'notice.heading': 'Message de la régie',

  'idle.heading': 'Aucun vote en cours',
  'idle.text': 'Restez sur cette page\u00a0: le prochain vote s’affichera ici tout seul.',

  'poll.heading': 'Sondage',
  'rating.heading': 'Échelle',
  'poll.single': 'Une seule réponse.',
  'poll.multiple': 'Jusqu’à {max} réponses.',
  'poll.selected': '{n} sur {max} choisie(s).',
  'poll.submit': 'Voter',
  'poll.change': 'Modifier mon vote',
  'poll.saved': 'Votre vote est enregistré. Vous pouvez le modifier tant que le vote est ouvert.',
  'poll.sending': 'Envoi de votre vote…',
  'poll.queued': 'Vote en attente\u00a0: il sera envoyé dès le retour de la connexion.',
  'poll.pickOne': 'Choisissez une réponse.',
  'poll.tooMany': '{max} réponses au plus.',
  'rating.pick': 'Choisissez une note.',
  'rating.value': '{value} sur {max}',

  'cloud.heading': 'Nuage de mots',
  'cloud.word': 'Votre mot',
  'cloud.help': 'Un mot ou une courte expression ({max} caractères au plus). Séparez par des virgules pour en envoyer plusieurs.',
  'cloud.left.one': 'Il vous reste {n} mot sur {max}.',
  'cloud.left.other': 'Il vous reste {n} mots sur {max}.',
  'cloud.none': 'Vous avez envoyé vos {max} mots. Merci\u202f!',
  'cloud.submit': 'Envoyer',
  'cloud.sent': 'Vos mots\u00a0:',
  'cloud.saved': 'Mot bien reçu.',
  'cloud.savedMany': 'Mots bien reçus.',
  'cloud.sending': 'Envoi…',
  'cloud.queued': 'En attente\u00a0: vos mots seront envoyés dès le retour de la connexion.',
  'cloud.empty': 'Écrivez un mot.',
  'cloud.tooLong': '«\u00a0{word}\u00a0» est trop long ({max} caractères au plus).',
  'cloud.again': 'Vous avez déjà envoyé «\u00a0{word}\u00a0».',
  'cloud.twice': '«\u00a0{word}\u00a0» figure deux fois.',
  'cloud.tooMany.one': 'Il ne vous reste que {n} mot.',
  'cloud.tooMany.other': 'Il ne vous reste que {n} mots.',

  'results.heading': 'Résultats',
  'results.total.one': '{n} réponse',
  'results.total.other': '{n} réponses',
  'results.option': '{label}\u00a0: {percent}\u00a0% ({count})',
  'results.yours': 'votre choix',
  'results.average': 'Moyenne\u00a0: {value}',
  'results.words': 'Mots les plus cités',

  'qa.heading': 'Poser une question',
  'qa.closed': 'Les questions sont fermées pour le moment.',
  'qa.roomOnly':
    'Dans cette séance, seules les personnes présentes dans la salle peuvent poser des questions. Vous pouvez soutenir les questions affichées ci-dessous.',
  'qa.roomOnlyNote': 'Questions réservées à la salle pour cette séance.',
  'qa.screened':
    'Les questions sont relues par la régie avant d’être affichées\u00a0: toutes ne le seront pas. Ne citez ni enfant, ni famille, ni situation identifiable.',
  'qa.text': 'Votre question',
  'qa.count': '{n} / {max} caractères',
  'qa.name': 'Votre prénom (facultatif)',
  'qa.nameHelp': 'Laissez vide pour rester anonyme.',
  'qa.submit': 'Envoyer ma question',
  'qa.sending': 'Envoi de votre question…',
  'qa.saved': 'Votre question a été transmise à la régie. Elle sera relue avant d’être éventuellement affichée.',
  'qa.queued': 'Question en attente\u00a0: elle sera transmise dès le retour de la connexion.',
  'qa.empty': 'Écrivez votre question.',
  'qa.refusedText': 'Votre question n’a pas pu être transmise ({reason}). Votre texte\u00a0: «\u00a0{text}\u00a0»',

  'list.heading': 'Questions affichées',
  'list.empty': 'Aucune question affichée pour l’instant.',
  'list.anonymous': 'Anonyme',
  'list.votes.one': '{n} soutien',
  'list.votes.other': '{n} soutiens',
  'list.upvote': 'Soutenir',
  'list.upvoted': 'Soutenue',
  'list.pending': 'En attente…',
  'list.thanks': 'Votre soutien est enregistré.',
  'list.queued': 'Soutien en attente\u00a0: il sera envoyé dès le retour de la connexion.',

  'error.generic': 'Refusé\u00a0: {reason}',
} as const;

export type MessageKey = keyof typeof fr;
