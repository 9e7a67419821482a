/**
 * The French words around a name that tell it is one (grammar, not data: they do not change from
 * one event to the next). All folded (fold.ts).
 */
const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** A title before a family name: « M. Dubois », « Mme Nguyen », « Maître Lambert », « famille Moreau ». */
export const TITLES = set('m mr mme mmes mlle melle madame monsieur mademoiselle messieurs mesdames maitre dr docteur famille');

/** « les Fontaine », « chez les Lopez », « des Martinez »: only with a capital. */
export const PLURAL_ARTICLES = set('les des aux');

/** Who a child is to the writer: « ma fille Rose », « mon neveu timéo », « l'enfant, prénommée Jade ». */
export const KIN = set(`
  fille fils filles petite-fille petit-fils petite-fille petits-enfants enfant enfants niece nieces neveu neveux
  frere freres soeur soeurs demi-frere demi-soeur bebe ado ados adolescent adolescente gamin gamine gamins
  eleve eleves pupille mineur mineure cousin cousine copain copine ami amie voisin voisine tante oncle
  mamie papy tata tonton jumeau jumelle jumeaux jumelles filleul filleule garcon fillette maman papa mere pere
  grand-mere grand-pere beau-pere belle-mere beau-fils belle-fille usager usagere resident residente
  petite-niece petit-neveu nourrisson
`);

/** Weak kin words: a name after them only with a definite article (« la petite marie », not « une petite victoire »). */
export const WEAK_KIN = set('petit petite jeune');
export const DEFINITE = set("le la l' les");

/** A name is said: « elle s'appelle Nina », « prénommée Jade ». */
export const NAMING = set(`
  appelle appelait appellent appelaient apelle apele appel appeler appele appelee prenomme prenommee prenommes
  prenom nomme nommee denomme denommee surnomme surnommee dit dite
`);

/**
 * Institutions named after a person, and ways: the capitalised words after them are the
 * institution's name (« Fondation Abbé Pierre », « collège Victor Hugo », « l'abbé Pierre »).
 */
export const INSTITUTION = set(`
  fondation association asso lycee college ecole hopital chu clinique centre institut maison prix loi lois
  rapport plan reforme amendement commission mission rue avenue boulevard bd place quai allee impasse square
  chemin route saint sainte st ste abbe residence foyer pavillon villa creche club stade gymnase salle espace
  cite federation collectif reseau observatoire musee mediatheque bibliotheque theatre cinema journal radio
  methode unite service services dispositif programme projet operation campagne
`);

/** Particles inside a family name: « Da Silva », « Le Goff », « Ait Ahmed », « Van Damme ». */
export const PARTICLES = set("da de del della des di do dos du el al le la van von ben bin ibn ait abou mac mc o' d'");

/** Words that join names: « Hugo et Louise », « Yasmine, Bilal, Sofiane et Nour ». */
export const JOINERS = set('et ou');

/** Determiners: « le petit, 4 ans » is no name before an age. */
export const DETERMINERS = set("le la l' les un une des du mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces");

/** « la référente de jade », « la situation de rose », « le dossier de marie »: a person follows « de ». */
export const OF_PERSON = set(`
  referent referente referents referentes educ educs educateur educatrice educateurs educatrices suivi situation
  dossier mere pere maman papa frere soeur tante oncle mamie papy avocat avocate famille placement parcours
  scolarite accompagnement garde audience retour fugue depart arrivee histoire sortie chambre copain copine ami
  amie voisin voisine enfant enfants fils fille psy juge assistante assistant prise-en-charge tuteur tutrice
`);

/** « j'ai accompagné amine », « j'accueille rose »: verbs whose object is a person. */
export const PERSON_VERBS = set(`
  accompagne accompagnee accompagnes accompagnees accueille accueilli accueillie accueillis rencontre rencontree
  confie confiee signale signalee heberge hebergee adopte adoptee oriente orientee recu recue
`);
