/**
 * The CRCN referential: 5 domains and 16 competences, with their official French names (seed decks,
 * domain spec). The content pack is built on these ids; the profile shows them even before any
 * content is loaded, so they live here rather than in the pack sources.
 */
import type { Area, Competence } from './types';

export const PIX_COUNT_BY_LEVEL = 8;
export const COMPETENCES_COUNT = 16;
export const MAX_LEVEL = 8;
/** 8 levels × 8 pix × 16 competences */
export const THEORETICAL_MAX_PIX = MAX_LEVEL * PIX_COUNT_BY_LEVEL * COMPETENCES_COUNT;

interface CompetenceSeed {
  index: string;
  name: string;
  description: string;
}

interface AreaSeed {
  code: string;
  title: string;
  color: string;
  competences: CompetenceSeed[];
}

const AREAS: AreaSeed[] = [
  {
    code: '1',
    title: 'Informations et données',
    color: '#f1a141',
    competences: [
      {
        index: '1.1',
        name: "Mener une recherche et une veille d'information",
        description:
          "Mener une recherche et une veille d'information pour répondre à un besoin d'information et se tenir au courant de l'actualité d'un sujet (avec un moteur de recherche, au sein d'un réseau social, par abonnement à des flux ou des lettres d'information, ou tout autre moyen).",
      },
      {
        index: '1.2',
        name: 'Gérer des données',
        description:
          'Stocker et organiser des données pour les retrouver, les conserver et en faciliter l\'accès et la gestion (avec un gestionnaire de fichiers, un espace de stockage en ligne, des tags, des classeurs, des bases de données, un système d\'information, etc.).',
      },
      {
        index: '1.3',
        name: 'Traiter des données',
        description:
          'Appliquer des traitements à des données pour les analyser et les interpréter (avec un tableur, un programme, un logiciel de traitement d\'enquête, une requête calcul dans une base de données, etc.).',
      },
    ],
  },
  {
    code: '2',
    title: 'Communication et collaboration',
    color: '#57c884',
    competences: [
      {
        index: '2.1',
        name: 'Interagir',
        description:
          'Interagir avec des individus et de petits groupes pour échanger dans divers contextes liés à la vie privée ou à une activité professionnelle, de façon ponctuelle et récurrente (avec une messagerie électronique, une messagerie instantanée, un système de visio-conférence, etc.).',
      },
      {
        index: '2.2',
        name: 'Partager et publier',
        description:
          'Partager et publier des informations et des contenus pour communiquer ses propres productions ou opinions, relayer celles des autres en contexte de communication publique (avec des plateformes de partage, des réseaux sociaux, des blogs, des espaces de forum et de commentaire, des CMS, etc.).',
      },
      {
        index: '2.3',
        name: 'Collaborer',
        description:
          'Collaborer dans un groupe pour réaliser un projet, co-produire des ressources, des connaissances, des données, et pour apprendre (avec des plateformes de travail collaboratif et de partage de document, des éditeurs en ligne, des fonctionnalités de suivi de modifications ou de gestion de versions, etc.).',
      },
      {
        index: '2.4',
        name: "S'insérer dans le monde numérique",
        description:
          "Maîtriser les stratégies et enjeux de la présence en ligne, et choisir ses pratiques pour se positionner en tant qu'acteur social, économique et citoyen dans le monde numérique, en lien avec ses règles, limites et potentialités, et en accord avec des valeurs et/ou pour répondre à des objectifs (avec les réseaux sociaux et les outils permettant de développer une présence publique sur le web, et en lien avec la vie citoyenne, la vie professionnelle, la vie privée, etc.).",
      },
    ],
  },
  {
    code: '3',
    title: 'Création de contenu',
    color: '#12a3ff',
    competences: [
      {
        index: '3.1',
        name: 'Développer des documents textuels',
        description:
          'Produire des documents à contenu majoritairement textuel pour communiquer des idées, rendre compte et valoriser ses travaux (avec des logiciels de traitement de texte, de présentation, de création de page web, de carte conceptuelle, etc.).',
      },
      {
        index: '3.2',
        name: 'Développer des documents multimédia',
        description:
          'Développer des documents à contenu multimédia pour créer ses propres productions multimédia, enrichir ses créations majoritairement textuelles ou créer une œuvre transformative (mashup, remix…) (avec des logiciels de capture et d\'édition d\'image / son / vidéo / animation, des logiciels utiles aux pré-traitements avant intégration, etc.).',
      },
      {
        index: '3.3',
        name: 'Adapter les documents à leur finalité',
        description:
          'Adapter des documents de tous types en fonction de l\'usage envisagé et maîtriser l\'usage des licences pour permettre, faciliter et encadrer l\'utilisation dans divers contextes (mise à jour fréquente, diffusion multicanale, impression, mise en ligne, projection, etc.) (avec les fonctionnalités des logiciels liées à la préparation d\'impression, de projection, de mise en ligne, les outils de conversion de format, etc.).',
      },
      {
        index: '3.4',
        name: 'Programmer',
        description:
          'Écrire des programmes et des algorithmes pour répondre à un besoin (automatiser une tâche répétitive, accomplir des tâches complexes ou chronophages, résoudre un problème logique, etc.) et pour développer un contenu riche (jeu, site web, etc.) (avec des environnements de développement informatique simples, des logiciels de planification de tâches, etc.).',
      },
    ],
  },
  {
    code: '4',
    title: 'Protection et sécurité',
    color: '#ff3f94',
    competences: [
      {
        index: '4.1',
        name: "Sécuriser l'environnement numérique",
        description:
          "Sécuriser les équipements, les communications et les données pour se prémunir contre les attaques, pièges, désagréments et incidents susceptibles de nuire au bon fonctionnement des matériels, logiciels, sites internet, et de compromettre les transactions et les données (avec des logiciels de protection, des techniques de chiffrement, la maîtrise de bonnes pratiques, etc.).",
      },
      {
        index: '4.2',
        name: 'Protéger les données personnelles et la vie privée',
        description:
          "Maîtriser ses traces et gérer les données personnelles pour protéger sa vie privée et celle des autres, et adopter une pratique éclairée (avec le paramétrage des paramètres de confidentialité, la surveillance régulière de ses traces par des alertes ou autres outils, etc.).",
      },
      {
        index: '4.3',
        name: "Protéger la santé, le bien-être et l'environnement",
        description:
          "Prévenir et limiter les risques générés par le numérique sur la santé, le bien-être et l'environnement mais aussi tirer parti de ses potentialités pour favoriser le développement personnel, le soin, l'inclusion dans la société et la qualité des conditions de vie, pour soi et pour les autres (avec la connaissance des effets du numérique sur la santé physique et psychique et sur l'environnement, et des pratiques, services et outils numériques dédiés au bien-être, à la santé, à l'accessibilité).",
      },
    ],
  },
  {
    code: '5',
    title: 'Environnement numérique',
    color: '#574da6',
    competences: [
      {
        index: '5.1',
        name: 'Résoudre des problèmes techniques',
        description:
          "Résoudre des problèmes techniques pour garantir et rétablir le bon fonctionnement d'un environnement informatique (avec les outils de configuration et de maintenance des logiciels ou des systèmes d'exploitation, et en mobilisant les ressources techniques ou humaines nécessaires, etc.).",
      },
      {
        index: '5.2',
        name: 'Construire un environnement numérique',
        description:
          "Installer, configurer et enrichir un environnement numérique (matériels, outils, services) pour disposer d'un cadre adapté aux activités menées, à leur contexte d'exercice ou à des valeurs (avec les outils de configuration des logiciels et des systèmes d'exploitation, l'installation de nouveaux logiciels ou la souscription à des services, etc.).",
      },
    ],
  },
];

/** "1.1" → "competence-1-1" */
export function competenceIdOf(index: string): string {
  return `competence-${index.replace('.', '-')}`;
}

export const areas: Area[] = AREAS.map((area) => ({
  id: `area-${area.code}`,
  code: area.code,
  name: `${area.code}. ${area.title}`,
  title: area.title,
  color: area.color,
  competenceIds: area.competences.map((c) => competenceIdOf(c.index)),
}));

export const competences: Competence[] = AREAS.flatMap((area) =>
  area.competences.map((c) => ({
    id: competenceIdOf(c.index),
    index: c.index,
    name: c.name,
    description: c.description,
    areaId: `area-${area.code}`,
    origin: 'Pix' as const,
  })),
);
